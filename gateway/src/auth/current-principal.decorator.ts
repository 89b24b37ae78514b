import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context';

const requestContext = (context: ExecutionContext) => GqlExecutionContext.create(context).getContext<RequestContext>();

/** The principal of the request, to pass on with every service call. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => requestContext(context).principal,
);

/** The client's address, for the identity service's brute-force limits. */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => requestContext(context).clientAddress,
);

/** The request's batching loaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => requestContext(context).loaders,
);
