/**
 * The rating: ten large choices (native radio buttons, so arrow keys, Tab and touch all work and a
 * screen reader announces "3 of 10") and an optional comment, sent once.
 */
import { useId, useState, type FormEvent } from 'react';
import { RATING_COMMENT_MAX } from '../../../shared/sync/events';
import { useI18n } from '../i18n/i18n';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function ClientRating({ desk, onRate }: { desk: string; onRate: (score: number, comment: string | null) => void }) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState(false);
  const ids = { scale: useId(), hint: useId(), count: useId(), problem: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sent) return;
    if (score === null) return setProblem(true);
    setSent(true);
    onRate(score, comment.trim() === '' ? null : comment.trim());
  };

  return (
    <form className="client-panel client-rating" aria-labelledby="client-title" onSubmit={submit} noValidate>
      <h1 id="client-title" tabIndex={-1}>{t('clientRatingTitle', { desk })}</h1>
      <fieldset className="client-scores" aria-describedby={problem ? `${ids.scale} ${ids.problem}` : ids.scale}>
        <legend>{t('clientRatingScore')}</legend>
        <p id={ids.scale} className="client-lead">{t('clientRatingScale')}</p>
        <div className="client-score-row">
          {SCORES.map((value) => (
            <label key={value} className="client-score">
              <input
                type="radio"
                name="score"
                value={value}
                checked={score === value}
                disabled={sent}
                onChange={() => {
                  setScore(value);
                  setProblem(false);
                }}
              />
              <span>{value}</span>
            </label>
          ))}
        </div>
        {problem && (
          <p id={ids.problem} className="client-problem" role="alert">
            {t('clientRatingPickFirst')}
          </p>
        )}
      </fieldset>
      <label className="client-comment-label" htmlFor="client-comment">
        {t('clientRatingCommentLabel')}
      </label>
      <p id={ids.hint} className="client-hint">{t('clientRatingCommentHint', { max: RATING_COMMENT_MAX })}</p>
      <textarea
        id="client-comment"
        className="client-comment"
        rows={3}
        maxLength={RATING_COMMENT_MAX}
        value={comment}
        disabled={sent}
        aria-describedby={`${ids.hint} ${ids.count}`}
        onChange={(event) => setComment(event.target.value)}
      />
      <p id={ids.count} className="client-hint">{t('clientRatingCommentCount', { count: comment.length, max: RATING_COMMENT_MAX })}</p>
      <button type="submit" className="client-submit" disabled={sent}>
        {sent ? t('clientRatingSending') : t('clientRatingSubmit')}
      </button>
    </form>
  );
}
