import type { SteeringFigures, SteeringReport } from '../../../../shared/steering/steering-api';
import { useI18n } from '../../i18n/i18n';
import { formatChange, formatFigure, type FigureKind } from './steering-format';

type Headline = 'clients' | 'rating' | 'fastTrack' | 'sponsors' | 'visits';

interface HeadlineFigure {
  readonly key: Headline;
  readonly kind: FigureKind;
  readonly value: (figures: SteeringFigures) => number | null;
}

/** The five figures the partners publish, in the order a steering group reads them. */
const HEADLINES: readonly HeadlineFigure[] = [
  { key: 'clients', kind: 'count', value: (f) => f.clientsHelped.total },
  { key: 'rating', kind: 'decimal', value: (f) => f.rating.mean },
  { key: 'fastTrack', kind: 'share', value: (f) => f.fastTrack.withinShare },
  { key: 'sponsors', kind: 'count', value: (f) => f.sponsors.served },
  { key: 'visits', kind: 'decimal', value: (f) => f.visits.perDayOpen },
];

/** The counts behind a headline, so a figure never stands without what it is made of. */
function useDetail() {
  const { t, language } = useI18n();
  const count = (value: number) => formatFigure('count', value, language);
  const share = (value: number | null) => formatFigure('share', value, language);
  return (key: Headline, f: SteeringFigures): string => {
    switch (key) {
      case 'clients': return t('steeringClientsDetail', { finished: count(f.firstTimeRight.finishedVisits), firstTimeRight: count(f.firstTimeRight.firstTimeRight) });
      case 'rating': return t('steeringRatingDetail', { share: share(f.rating.satisfiedShare), count: count(f.rating.count) });
      case 'fastTrack': {
        const { within, late, overdue, pending } = f.fastTrack;
        return t('steeringFastTrackDetail', { within: count(within), judged: count(within + late + overdue), late: count(late), overdue: count(overdue), pending: count(pending) });
      }
      case 'sponsors': return t('steeringSponsorsDetail', { onList: count(f.sponsors.onList), listSize: count(f.sponsors.listSize), share: share(f.sponsors.listShare), recognised: count(f.sponsors.recognised) });
      case 'visits': return t('steeringVisitsDetail', { visits: count(f.visits.total), days: count(f.visits.daysOpen) });
    }
  };
}

/** The headline figures: each with what it is made of, the previous period's figure and the change. */
export function SteeringHeadlines({ report }: { report: SteeringReport }) {
  const { t, language } = useI18n();
  const detail = useDetail();
  return (
    <section aria-labelledby="steering-headlines-title" className="steering__block">
      <h3 id="steering-headlines-title">{t('steeringHeadlines')}</h3>
      <ul className="steering__headlines">
        {HEADLINES.map(({ key, kind, value }) => {
          const current = value(report.current);
          const previous = value(report.previous);
          return (
            <li key={key} className="steering__headline" data-testid={`steering-headline-${key}`} aria-labelledby={`steering-headline-${key}-title`}>
              <h4 id={`steering-headline-${key}-title`}>{t(`steeringHeadline_${key}`)}</h4>
              <p className="steering__headline-value" data-testid={`steering-headline-${key}-value`}>{formatFigure(kind, current, language)}</p>
              <p className="steering__headline-detail">{detail(key, report.current)}</p>
              <p className="steering__headline-compare">
                <span>{t('steeringPrevious', { value: formatFigure(kind, previous, language) })}</span>
                <span>{t('steeringChange', { value: formatChange(kind, current, previous, language) })}</span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
