export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" class="secondary" onClick={onRetry}>
      Try again
    </button>
  );
}
