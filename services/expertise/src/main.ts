import 'reflect-metadata';
import { startService } from '@kern/messaging';
import { AppModule } from './app.module';
import { loadExpertiseConfig } from './config/expertise.config';

startService({
  name: 'expertise',
  loadConfig: () => loadExpertiseConfig(),
  module: (config) => AppModule.forRoot(config),
});
