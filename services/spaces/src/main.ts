import 'reflect-metadata';
import { startService } from '@kern/messaging';
import { AppModule } from './app.module';
import { loadSpacesConfig } from './config/spaces.config';

startService({ name: 'spaces', loadConfig: () => loadSpacesConfig(), module: (config) => AppModule.forRoot(config) });
