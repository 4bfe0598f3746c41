/** The language on screen: the chosen one once its table is here (English always is), then set on <html lang>. */
import { useEffect, useState } from "react";
import type { Language } from "../../i18n/core";
import { hasLanguage, loadLanguage } from "./i18n";

export function usePageLanguage(lang: Language): Language | null {
  const [shown, setShown] = useState<Language | null>(() => (hasLanguage(lang) ? lang : null));
  useEffect(() => {
    let live = true;
    loadLanguage(lang).then(
      () => live && setShown(lang),
      () => live && setShown("en"),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);
  return shown;
}
