import 'reflect-metadata';
import { startService } from '@kern/messaging';
import { AppModule } from './app.module';
import { loadThreadsConfig } from './config/threads.config';

startService({ name: 'threads', loadConfig: () => loadThreadsConfig(), module: (config) => AppModule.forRoot(config) });
