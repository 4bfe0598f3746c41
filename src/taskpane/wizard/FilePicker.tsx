/**
 * Files the procurer chooses are read here, locally (FileReader: also where Blob.arrayBuffer is missing);
 * nothing is uploaded. FilePicker is the hidden <input type="file"> behind an import button: the button
 * calls `ref.current.click()`, and the input is cleared after each choice so the same file can be chosen again.
 */
import { makeStyles } from "@fluentui/react-components";
import { type RefObject, useRef } from "react";
import { visuallyHidden } from "./styles";

function read<T>(file: File, as: "text" | "bytes", result: (r: FileReader) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(result(reader));
    reader.onerror = () => reject(reader.error);
    if (as === "text") reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  });
}

export const readBytes = (file: File): Promise<Uint8Array> => read(file, "bytes", (r) => new Uint8Array(r.result as ArrayBuffer));
export const readText = (file: File): Promise<string> => read(file, "text", (r) => String(r.result));

const useStyles = makeStyles({ hidden: visuallyHidden });

export function FilePicker(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  multiple?: boolean;
  label: string;
  testId: string;
  onFiles(files: File[]): void;
}) {
  const s = useStyles();
  return (
    <input
      ref={props.inputRef}
      type="file"
      multiple={props.multiple}
      accept={props.accept}
      className={s.hidden}
      tabIndex={-1}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = "";
        if (files.length) props.onFiles(files);
      }}
    />
  );
}

/** An import of one file at a time: the hidden input to render, and `choose` for the button that opens it. */
export function useFilePicker(accept: string, label: string, testId: string, onFile: (file: File) => void) {
  const ref = useRef<HTMLInputElement>(null);
  const picker = <FilePicker inputRef={ref} accept={accept} label={label} testId={testId} onFiles={([file]) => onFile(file)} />;
  return { picker, choose: () => ref.current?.click() };
}
