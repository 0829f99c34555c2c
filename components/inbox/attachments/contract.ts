// The attachment shapes of DESIGN §13 as the inbox reads them.
export interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
  url: string;
  thumbnailUrl?: string;
}

/** The files of a message or note (none when the server sent no list). */
export const attachmentsOf = (item: object): Attachment[] =>
  'attachments' in item && Array.isArray(item.attachments) ? item.attachments : [];
