/** The visit screen's keys, always on screen (issue #6: every action shows its shortcut). */
import { useI18n } from '../../i18n/i18n';

const KEYS = [
  ['Enter', 'visitKeyEnter'],
  ['1–9', 'visitKeyDigits'],
  ['Alt+E', 'visitKeyAltE'],
  ['Alt+S', 'visitKeyAltS'],
  ['Alt+P', 'visitKeyAltP'],
  ['Alt+T', 'visitKeyAltT'],
  ['Alt+N', 'visitKeyAltN'],
  ['Alt+R', 'visitKeyAltR'],
  ['PageUp / PageDown', 'visitKeyPages'],
  ['Esc', 'visitKeyEscape'],
] as const;

/** `printsReceipts`: the host prints handouts, so Alt+R prints the DOC receipt (elsewhere the key does nothing). */
export function VisitShortcuts({ printsReceipts = false }: { printsReceipts?: boolean }) {
  const { t } = useI18n();
  const keys = KEYS.filter(([key]) => printsReceipts || key !== 'Alt+R');
  return (
    <footer className="visit-shortcuts" aria-labelledby="visit-shortcuts-title">
      <h2 id="visit-shortcuts-title">{t('visitShortcuts')}</h2>
      <dl>
        {keys.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
    </footer>
  );
}
