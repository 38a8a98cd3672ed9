import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { Selection } from '../repositories/projections.js';

type Building = { [field: string]: Building };

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: Building): void {
  for (const node of set?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (name.startsWith('__')) continue;
      into[name] ??= {};
      collect(node.selectionSet, fragments, into[name]);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into);
    } else {
      collect(fragments[node.name.value]?.selectionSet, fragments, into);
    }
  }
}

/**
 * What the request asks of the value this resolver returns, by field name: aliases and fragments (whatever their
 * type condition) merged, @skip and @include ignored. A superset of what execution reads, which is what a
 * statement may safely be compiled to.
 */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const selection: Building = {};
  for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, selection);
  return selection;
}
