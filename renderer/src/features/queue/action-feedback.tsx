import type { Feedback } from './use-desk-actions';

/**
 * The answer to the clerk's last action: a refusal is an alert (read out at once), a success a
 * polite status. Both regions stay in the page so screen readers announce every new line.
 */
export function ActionFeedback({ feedback }: { feedback: Feedback }) {
  return (
    <div className="feedback">
      <p role="alert" className="feedback__refused" data-testid="refusal">
        {feedback?.kind === 'refused' ? feedback.text : ''}
      </p>
      <p role="status" className="feedback__done">
        {feedback?.kind === 'done' ? feedback.text : ''}
      </p>
    </div>
  );
}
