import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context';

/** The principal of the request, to pass on with every service call. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<RequestContext>().principal,
);

/** The request's batching loaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<RequestContext>().loaders,
);
