// The pre-chat form's rules, held on the server too: a required field answered, an email
// that looks like one, a select answered with one of its options (DESIGN §12).
import type { StartConversationInput } from '../contracts/customer';
import type { PreChatFieldSetting } from '../contracts/settings';
import { AppError } from '../errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function answerOf(field: PreChatFieldSetting, input: StartConversationInput): unknown {
  const answer = input.fields?.[field.id];
  // The widget sends the "Visitor's name" field as `name`, beside the other answers.
  return field.id === 'name' ? (input.name ?? answer) : answer;
}

function isBlank(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'string' && !answer.trim());
}

/** Throws `invalid_request` naming the first field the answers break. */
export function checkPreChatAnswers(
  form: readonly PreChatFieldSetting[],
  input: StartConversationInput,
): void {
  for (const field of form) {
    const answer = answerOf(field, input);
    const invalid = (why: string) => new AppError('invalid_request', `${field.label}: ${why}`);
    if (field.type === 'checkbox') {
      if (field.required && answer !== true) throw invalid('this box must be ticked');
      continue;
    }
    if (isBlank(answer)) {
      if (field.required) throw invalid('this field is required');
      continue;
    }
    const text = String(answer).trim();
    if (field.type === 'email' && !EMAIL.test(text)) throw invalid('expected an email address');
    if (field.type === 'select' && !field.options?.includes(text)) {
      throw invalid('expected one of the listed options');
    }
  }
}
