// 催报: the notice to the units not yet reported and to those whose return has errors.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addressee,
  chineseDate,
  reminderText,
  weekday,
  type ReminderInput,
} from "../../src/core/submissions/reminder";
import { TOWNS } from "./fixtures";

const base: ReminderInput = {
  year: "2023",
  units: TOWNS,
  missing: ["新仓镇", "林埭镇"],
  withErrors: [],
  deadline: "2026-12-05",
};

describe("reminderText", () => {
  it("names exactly the missing units and the deadline, in the official register", () => {
    expect(reminderText(base)).toBe(
      "各镇(街道):\n    请尚未报送的新仓镇、林埭镇于2026年12月5日(星期六)前报送《2023年目标任务填报表》" +
        "(请使用下发的填报模板填写,勿增删行列)。",
    );
  });

  it("asks the units with errors, separately, to correct and report again by the same day", () => {
    const text = reminderText({
      ...base,
      withErrors: [
        { unit: "经开区", errors: 2 },
        { unit: "新埭镇", errors: 1 },
      ],
    });
    expect(text.split("\n")[2]).toBe(
      "    经开区、新埭镇已报送的填报表经校验存在错误(经开区2项、新埭镇1项),请对照反馈的问题清单核实更正后于同日前重新报送。",
    );
    const only = reminderText({ ...base, missing: [], withErrors: [{ unit: "经开区", errors: 2 }] });
    expect(only).toContain("核实更正后于2026年12月5日(星期六)前重新报送");
    expect(only).not.toContain("尚未报送");
  });

  it("ends with the contact line, the sender and the date, when given", () => {
    const text = reminderText({
      ...base,
      contact: " 张三 ",
      phone: "0573-85012345",
      sender: "市经信局",
      today: "2026-12-02",
    });
    expect(text.split("\n").slice(2)).toEqual([
      "    联系人:张三,联系电话:0573-85012345。",
      "",
      "市经信局",
      "2026年12月2日",
    ]);
    expect(reminderText({ ...base, phone: "85012345" })).toContain("    联系电话:85012345。");
  });

  it("addresses every unit when none has reported; asks 尽快 without a valid deadline", () => {
    expect(reminderText({ ...base, missing: TOWNS })).toContain("请各镇(街道)于2026年12月5日");
    expect(reminderText({ ...base, deadline: "" })).toContain("林埭镇尽快报送");
    expect(reminderText({ ...base, deadline: "2026-02-30" })).toContain("尽快报送");
  });

  it("is empty when every unit has reported without errors", () => {
    expect(reminderText({ ...base, missing: [] })).toBe("");
  });
});

describe("dates and the addressee", () => {
  it("words dates and weekdays, adds days across months and years", () => {
    expect(chineseDate("2026-01-09")).toBe("2026年1月9日");
    expect(chineseDate("12/05/2026")).toBeNull();
    expect(weekday("2026-12-05")).toBe("星期六");
    expect(weekday("2026-12-06")).toBe("星期日");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2024-02-27", 3)).toBe("2024-03-01");
  });

  it("addresses towns as 各镇(街道), departments as 各有关单位", () => {
    expect(addressee(TOWNS)).toBe("各镇(街道)");
    expect(addressee(["市经信局", "市发改局"])).toBe("各有关单位");
  });
});
