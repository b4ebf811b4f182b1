import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const SHORTCUTS: ReadonlyArray<readonly [string, MessageKey]> = [
  ['N', 'queueCallNext'],
  ['R', 'queueRecall'],
  ['X', 'queueNoShow'],
  ['V', 'queueOpenVisit'],
  ['C', 'bookingCheckInAll'],
  ['W', 'bookingAddPerson'],
  ['/', 'agendaSearchPlaceholder'],
  ['P', 'deskPause'],
  ['O', 'deskOpen'],
  ['Esc', 'bookingClose'],
];

/** Every shortcut of the clerk's screen in one line, so none has to be remembered. */
export function ShortcutLegend() {
  const { t } = useI18n();
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" className="shortcuts__title">
        {t('clerkShortcutsTitle')}
      </h2>
      <p className="muted">{t('clerkShortcutsHelp')}</p>
      <dl className="shortcuts__list">
        {SHORTCUTS.map(([key, text]) => (
          <div key={key} className="shortcuts__item">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
