import { ErrorCode, type RemoteError } from '@kern/contracts';
import { Catch, type LoggerService, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError } from './domain-error';

/**
 * Serialises every failure of a handler as `{ code, message }`. Domain errors pass through; anything
 * else is a bug: it is logged here with its stack and the caller only learns INTERNAL_SERVER_ERROR.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter {
  constructor(private readonly logger: LoggerService) {}

  catch(exception: unknown): Observable<RemoteError> {
    if (exception instanceof DomainError) return throwError(() => exception.toRemote());
    this.logger.error(exception instanceof Error ? exception : String(exception), 'RpcErrorFilter');
    return throwError(() => ({ code: ErrorCode.INTERNAL, message: 'Internal error' }));
  }
}
