// A small pool of child processes running bench/corpusWorker.mjs. Each process reads many files in turn; one that
// runs past the time limit, grows past the memory cap or dies is killed, its file classified as a crash, and a
// fresh process takes over the rest of the queue. The JS heap is capped by V8 (--max-old-space-size); inflated
// buffers live outside that heap, so the resident size is watched too (Linux /proc; elsewhere only the heap cap).
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { setInterval, clearInterval } from "node:timers";

const WORKER = new URL("./corpusWorker.mjs", import.meta.url);

function rssMB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs every job ({id, file, kind, expected}) and calls onResult(job, result) once for each, in completion order.
 * limits: {workers, timeoutMs (reading), compareMs (comparing), heapMB, rssMB}, and optionally worker (another
 * worker script speaking the same messages, e.g. bench/fuzzWorker.mjs) with workerArgs after the bundle's path.
 */
export function runPool(jobs, bundle, limits, onResult) {
  const queue = [...jobs];
  let left = jobs.length;
  return new Promise((resolve) => {
    if (left === 0) return resolve();
    const slots = [];
    let done = false;
    const watch = setInterval(() => {
      for (const slot of slots) {
        const mb = slot.job ? rssMB(slot.child.pid) : 0;
        if (mb > limits.rssMB)
          slot.kill(`out of memory (resident size ${Math.round(mb)} MB > ${limits.rssMB} MB)`);
      }
    }, 100);

    const finish = (job, result) => {
      onResult(job, result);
      if (--left === 0) {
        done = true;
        clearInterval(watch);
        for (const slot of slots) slot.child.kill("SIGKILL");
        resolve();
      }
    };

    function start(slot) {
      let stderr = "";
      const child = fork(limits.worker ?? WORKER, [bundle, ...(limits.workerArgs ?? [])], {
        execArgv: [`--max-old-space-size=${limits.heapMB}`, "--enable-source-maps"],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
      slot.child = child;
      slot.job = null;
      slot.why = null;
      slot.started = false;
      slot.requeue = false;
      const next = () => {
        const job = queue.shift();
        if (!job) return;
        slot.job = job;
        slot.timer = setTimeout(
          () => slot.kill(`timeout (over ${limits.timeoutMs / 1000} s)`),
          limits.timeoutMs,
        );
        child.send(job);
      };
      child.on("message", (m) => {
        if (m.ready) {
          slot.started = true;
          return next();
        }
        // A fatal error after a file was answered (a reader's late stream error) is not the next file's fault:
        // that file goes back to the queue for the fresh process.
        if (!slot.job || m.id !== slot.job.id) {
          if (m.fatal) {
            slot.requeue = true;
            process.stderr.write(`corpus: ${m.message} (the process had last answered ${m.after})\n`);
          }
          return;
        }
        clearTimeout(slot.timer);
        if (m.readDone) {
          const why = `bench: comparison over ${limits.compareMs / 1000} s (not the reader)`;
          slot.timer = setTimeout(() => slot.kill(why), limits.compareMs);
          return;
        }
        const job = slot.job;
        slot.job = null;
        const { id: _id, fatal, after: _after, ...result } = m;
        finish(job, result);
        if (!fatal) next();
      });
      child.on("exit", (code, signal) => {
        clearTimeout(slot.timer);
        if (done) return; // killed at the end, perhaps before it was ready
        if (!slot.started) throw new Error(`${limits.worker ?? WORKER} did not start:\n${stderr}`);
        if (slot.job && slot.requeue) queue.unshift(slot.job);
        else if (slot.job) {
          const oom = /heap out of memory|Reached heap limit/.test(stderr);
          const last = stderr.trim().split("\n").slice(-1)[0] ?? "";
          const message =
            slot.why ??
            (oom
              ? `out of memory (JS heap over ${limits.heapMB} MB)`
              : `process died (${signal ?? `exit ${code}`})${last ? `: ${last}` : ""}`);
          const job = slot.job;
          slot.job = null;
          finish(job, { class: "crash", message });
        }
        if (queue.length > 0) start(slot);
      });
    }

    for (let i = 0; i < Math.min(limits.workers, jobs.length); i++) {
      const slot = {
        kill(why) {
          if (!slot.job || slot.why) return;
          slot.why = why;
          slot.child.kill("SIGKILL");
        },
      };
      slots.push(slot);
      start(slot);
    }
  });
}
