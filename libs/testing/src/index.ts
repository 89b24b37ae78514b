export * from './wait-for';
export * from './free-port';
export * from './nats-server';
export * from './throwaway-database';
export * from './kern-process';
export * from './graphql-client';
export * from './kern-stack';
export * from './mail';
