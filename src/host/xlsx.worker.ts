/** Web Worker: writes the .xlsx off the UI thread (10 000 offers take seconds and ~150 MB) and transfers the bytes back. */
import { answerRequests } from "./offThread";
import { xlsxBytes } from "./xlsxJob";

answerRequests(xlsxBytes, (bytes) => [bytes.buffer]);
