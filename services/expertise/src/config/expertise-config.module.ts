import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EXPERTISE_CONFIG, type ExpertiseConfig } from './expertise.config';

/** The environment parsed at start, for any aggregate that reads it (`@Inject(EXPERTISE_CONFIG)`). */
@Global()
@Module({})
export class ExpertiseConfigModule {
  static forRoot(config: ExpertiseConfig): DynamicModule {
    return {
      module: ExpertiseConfigModule,
      providers: [{ provide: EXPERTISE_CONFIG, useValue: config }],
      exports: [EXPERTISE_CONFIG],
    };
  }
}
