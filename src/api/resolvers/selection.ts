import {
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { FIRST, type Selection } from '../../repositories/projections.js';

type Building = { [field: string]: Building; [FIRST]?: number };

type Asked = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema' | 'parentType' | 'fieldName' | 'variableValues'>;

/** The `first` a field node asks for, as execution reads it: a literal, a variable, or the argument's default. */
function firstOf(field: GraphQLField<unknown, unknown> | undefined, node: Asked['fieldNodes'][number], variables: Asked['variableValues']) {
  if (!field?.args.some((a) => a.name === 'first')) return undefined;
  try {
    const first = getArgumentValues(field, node, variables).first;
    return typeof first === 'number' ? first : undefined;
  } catch {
    // Execution refuses the argument with its own message; nothing is read for it.
    return undefined;
  }
}

function collect(
  set: SelectionSetNode | undefined,
  type: GraphQLNamedType | undefined,
  asked: Asked,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Building,
): void {
  const typeNamed = (name: string) => asked.schema.getType(name) ?? undefined;
  for (const node of set?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (name.startsWith('__')) continue;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      into[name] ??= {};
      const value = into[name];
      const first = firstOf(field, node, asked.variableValues);
      if (first !== undefined) value[FIRST] = Math.max(value[FIRST] ?? first, first);
      collect(node.selectionSet, field && getNamedType(field.type), asked, fragments, value);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, node.typeCondition ? typeNamed(node.typeCondition.name.value) : type, asked, fragments, into);
    } else {
      const fragment = fragments[node.name.value];
      collect(fragment?.selectionSet, fragment && typeNamed(fragment.typeCondition.name.value), asked, fragments, into);
    }
  }
}

/**
 * What the request asks of the value this resolver returns, by field name: aliases and fragments (whatever their
 * type condition) merged, @skip and @include ignored; each list with the `first` it was asked with (the largest of
 * its aliases), and the value itself with this field's own. A superset of what execution reads, which is what a
 * statement may safely be compiled to.
 */
export function selectionOf(info: Asked): Selection {
  const selection: Building = {};
  const field = info.parentType.getFields()[info.fieldName];
  const first = firstOf(field, info.fieldNodes[0]!, info.variableValues);
  if (first !== undefined) selection[FIRST] = first;
  const type = field && getNamedType(field.type);
  for (const node of info.fieldNodes) collect(node.selectionSet, type, info, info.fragments, selection);
  return selection;
}
