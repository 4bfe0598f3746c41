/** Web Worker: reads a CSV of offers off the UI thread (see csvImportJob.ts). */
import { answerRequests } from "../../host/offThread";
import { importCsv } from "./csvImportJob";

answerRequests(importCsv);
