export * from './events.env';
export * from './event-tables.migration';
export * from './outbox';
export * from './outbox-relay';
export * from './event-streams';
export * from './durable-consumers';
export * from './events.module';
