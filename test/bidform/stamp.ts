/** Test helper: the stamp of a form file, read back as the import reads it. */
import { type BidFormStamp, stampOf } from "../../src/model/bidForm";
import { readReturnedForm } from "../../src/templates/bidForm/readBidForm";

export async function readStampOf(bytes: Uint8Array): Promise<BidFormStamp> {
  const { stamp } = stampOf(await readReturnedForm({ name: "form.xlsx", bytes }));
  if (!stamp) throw new Error("no stamp");
  return stamp;
}
