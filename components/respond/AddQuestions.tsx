import { useState } from 'preact/hooks';
import { pastedQuestions } from '../../utils/respond/draft';

type Added = { number: string | null; text: string };

/** The user's own questions: typed one at a time, or pasted as a list. */
export function AddQuestions({
  onAdd,
}: {
  onAdd: (questions: Added[], how: 'typed' | 'pasted') => void;
}) {
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const [list, setList] = useState('');
  const pasted = pastedQuestions(list);
  return (
    <details class="add-questions">
      <summary>Add questions yourself</summary>
      <form
        class="add-typed"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          onAdd([{ number: number.trim() || null, text }], 'typed');
          setNumber('');
          setText('');
        }}
      >
        <label>
          Number (optional)
          <input
            type="text"
            size={4}
            value={number}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
        </label>
        <label>
          Question
          <textarea rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Add this question</button>
      </form>
      <form
        class="add-pasted"
        onSubmit={(event) => {
          event.preventDefault();
          if (pasted.length === 0) return;
          onAdd(pasted, 'pasted');
          setList('');
        }}
      >
        <label>
          Or paste a list of questions, one a line (“Question 3: …”, “Q4.”, “5)”)
          <textarea rows={4} value={list} onInput={(e) => setList(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={pasted.length === 0}>
          {pasted.length > 1 ? `Add these ${pasted.length} questions` : 'Add the pasted question'}
        </button>
      </form>
      <p class="muted">
        You can also select a question’s text on the consultation’s page and choose “Add as
        question”.
      </p>
    </details>
  );
}
