import { DomainError } from '@kern/messaging';
import { Catch, type ExceptionFilter } from '@nestjs/common';

/**
 * A DomainError in a resolver is an expected answer (NOT_FOUND, FORBIDDEN ...), not a crash: hand it
 * to Apollo's formatError as it is, without Nest logging it as an unhandled exception.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError) {
    return error;
  }
}
