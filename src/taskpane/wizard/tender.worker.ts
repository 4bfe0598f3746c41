/** Web Worker: writes a bid form and reads returned ones off the UI thread (see tenderJob.ts). */
import { answerRequests } from "../../host/offThread";
import { tenderJob, tenderTransfer } from "./tenderJob";

answerRequests(tenderJob, tenderTransfer);
