import {
  type DocumentQuestion,
  questionsFromDocument,
} from '../../utils/pages/consultation-questions';
import type { ConsultationDocuments } from '../../utils/respond/documents';

/**
 * The questions of the documents the background read (their bodies are govspeak HTML, parsed
 * here: the service worker has no DOMParser), and the URLs of the documents that were read, so
 * questions of a document that could not be read this time are left as they are.
 */
export function documentQuestions(documents: ConsultationDocuments['documents']): {
  questions: DocumentQuestion[];
  read: string[];
} {
  const parser = new DOMParser();
  const questions: DocumentQuestion[] = [];
  const read: string[] = [];
  for (const doc of documents) {
    if (doc.body === null) continue;
    read.push(doc.url);
    questions.push(
      ...questionsFromDocument(parser.parseFromString(doc.body, 'text/html'), doc.url),
    );
  }
  return { questions, read };
}
