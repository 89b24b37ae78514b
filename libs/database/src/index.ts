export * from './ensure-database';
export * from './migrate';
export * from './database-health';
export * from './database.module';
export * from './database';
