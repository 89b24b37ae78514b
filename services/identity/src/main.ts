import 'reflect-metadata';
import { startService } from '@kern/messaging';
import { AppModule } from './app.module';
import { loadIdentityConfig } from './config/identity.config';

startService({
  name: 'identity',
  loadConfig: () => loadIdentityConfig(),
  module: (config) => AppModule.forRoot(config),
});
