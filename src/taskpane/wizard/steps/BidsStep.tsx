/** Step 3: the offers, one expandable card each; add, duplicate, remove, import from CSV or (in Excel) a table. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { WorkbookSource } from "../../../host/types";
import type { Entries } from "../../../model/entries";
import type { ComparisonKind } from "../../../model/bid";
import type { CriteriaSettings } from "../../../model/criteria/settings";
import type { EnergyMode } from "../form";
import type { OfferCheck } from "../evaluation";
import { offerName } from "../evaluation";
import { useI18n } from "../i18n";
import { BidCard } from "./BidCard";
import { CsvImport } from "./CsvImport";
import { TableImport } from "./TableImport";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Cards rendered at once; more on request, so 1 000 imported offers do not freeze the pane. */
const PAGE = 50;

export interface BidsActions {
  add(): void;
  duplicate(id: number): void;
  remove(id: number): void;
  change(id: number, key: string, text: string): void;
  energyMode(id: number, mode: EnergyMode): void;
  importOffers(offers: Entries[]): void;
}

export function BidsStep({
  kind,
  offers,
  nextId,
  actions,
  workbook,
  criteria,
}: {
  kind: ComparisonKind;
  offers: readonly OfferCheck[];
  nextId: number;
  actions: BidsActions;
  workbook?: WorkbookSource;
  /** The tender's circular criteria: each card asks for the answers. */
  criteria?: CriteriaSettings;
}) {
  const s = useStyles();
  const { t, plural } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const lastAdded = useRef<number | null>(null);
  const flagged = offers.filter((o) => Object.keys(o.errors).length > 0).length;

  // The first field of an offer just added takes the focus once it is on screen, so keyboard users can type straight away.
  const focusIfAdded = (id: number) => (input: HTMLInputElement | null) => {
    if (!input || lastAdded.current !== id) return;
    lastAdded.current = null;
    input.focus();
  };

  const toggle = (id: number) =>
    setExpanded((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : new Set([...prev, id])));
  const add = () => {
    lastAdded.current = nextId;
    setExpanded((prev) => new Set([...prev, nextId]));
    if (offers.length >= shown) setShown(offers.length + 1);
    actions.add();
  };

  return (
    <div className={s.stack}>
      <div className={s.toolbar}>
        <Button appearance="primary" onClick={add} data-testid="bid-add">
          {t("bids.add")}
        </Button>
        <CsvImport kind={kind} onImport={actions.importOffers} />
        {workbook && <TableImport kind={kind} source={workbook} onImport={actions.importOffers} />}
      </div>
      <Text data-testid="bids-summary" aria-live="polite">
        {offers.length === 0 ? t("bids.none") : plural("bids.summary", offers.length, { flagged })}
      </Text>
      {flagged > 0 && (
        <MessageBar intent="warning" data-testid="bids-flagged">
          <MessageBarBody>{plural("bids.flagged", flagged)}</MessageBarBody>
        </MessageBar>
      )}
      {offers.slice(0, shown).map((o) => (
        <BidCard
          key={o.offer.id}
          index={o.index}
          name={offerName(o.offer.entries, o.index, t)}
          kind={kind}
          entries={o.offer.entries}
          errors={o.errors}
          expanded={expanded.has(o.offer.id)}
          onToggle={() => toggle(o.offer.id)}
          onChange={(key, text) => actions.change(o.offer.id, key, text)}
          onEnergyMode={(mode) => actions.energyMode(o.offer.id, mode)}
          onDuplicate={() => actions.duplicate(o.offer.id)}
          onRemove={() => actions.remove(o.offer.id)}
          firstFieldRef={focusIfAdded(o.offer.id)}
          criteria={criteria}
        />
      ))}
      {offers.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)} data-testid="bids-more">
          {t("bids.more", { n: offers.length - shown })}
        </Button>
      )}
    </div>
  );
}
