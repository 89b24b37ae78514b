import { Field, ID, InterfaceType } from '@nestjs/graphql';

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable with `node(id)`.',
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name.replace(/Model$/, ''),
})
export abstract class NodeModel {
  @Field(() => ID)
  id!: string;
}
