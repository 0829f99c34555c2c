// Everything clients and edges share: schemas (server only) and types (also the widget).
export * from './admin';
export * from './agent';
export * from './attachments';
export * from './customer';
export * from './customer-events';
export * from './dto';
export * from './errors';
export * from './message-content';
export * from './text';
