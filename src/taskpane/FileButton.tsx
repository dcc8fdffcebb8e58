// A button that opens the browser's file dialog: the hidden <input type="file"> behind it is reset after each
// pick, so choosing the same file again (after fixing it on disk) reads it again.
import { useRef, type ReactNode } from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";

interface Props {
  children: ReactNode;
  /** What the dialog offers, e.g. ".xlsx" or ".docx,.txt". */
  accept: string;
  multiple?: boolean;
  /** Test id of the hidden input (tests set files on it), and of the button when given. */
  inputTestId: string;
  buttonTestId?: string;
  appearance?: ButtonProps["appearance"];
  size?: ButtonProps["size"];
  disabled?: boolean;
  onFiles: (files: File[]) => void | Promise<void>;
}

export function FileButton(props: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        appearance={props.appearance}
        size={props.size}
        disabled={props.disabled}
        data-testid={props.buttonTestId}
        onClick={() => input.current?.click()}
      >
        {props.children}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept={props.accept}
        multiple={props.multiple}
        data-testid={props.inputTestId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length > 0) void props.onFiles(files);
        }}
      />
    </>
  );
}
