/**
 * The GPP worksheet functions at a glance: name, what a procurer uses it for, and an example formula,
 * all from the functions table of the pane's language. Shown on demand below the wizard, for procurers
 * who build their own sheets.
 */
import { Body1, Caption1, Subtitle1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { type Language, sectionOf, translate } from "../i18n";

interface FunctionText {
  readonly name: string;
  readonly purpose: string;
  readonly example: string;
}

/** Entries of the table that describe a function (the table also holds a few pane strings). */
function functionsOf(lang: Language): [string, FunctionText][] {
  return Object.entries(sectionOf(lang, "functions")).filter((e): e is [string, FunctionText] => typeof e[1] === "object" && e[1] !== null);
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  example: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
});

export function FunctionList({ lang }: { lang: Language }) {
  const styles = useStyles();
  return (
    <section className={styles.page} lang={lang} aria-labelledby="gpp-functions-heading" data-testid="function-list">
      <Title3 as="h2" id="gpp-functions-heading">
        {translate(lang, "functions", "paneTitle")}
      </Title3>
      <Body1>{translate(lang, "functions", "paneIntro")}</Body1>
      <ul className={styles.list}>
        {functionsOf(lang).map(([id, f]) => (
          <li key={id} className={styles.item}>
            <Subtitle1 as="h3">GPP.{f.name}</Subtitle1>
            <Body1>{f.purpose}</Body1>
            <Caption1 as="p" className={styles.example}>
              <code>{f.example}</code>
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
