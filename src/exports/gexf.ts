import type { Network } from './network.js';
import { xmlEscape as x } from './xml.js';

/** GEXF 1.3 (gexf.net), as Gephi reads it: the caption as the node's label; kind (Person, Meeting...) and sources as attributes. */
export function toGexf(network: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>officials-graph</creator><description>Officials, institutions, posts and meetings, with sources</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="sources" title="sources" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="sources" title="sources" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of network.nodes) {
    lines.push(
      `      <node id="${x(node.id)}" label="${x(node.caption)}"><attvalues><attvalue for="kind" value="${x(node.label)}"/>` +
        `<attvalue for="sources" value="${x(node.sources.join(' '))}"/></attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  network.edges.forEach((edge, i) => {
    lines.push(
      `      <edge id="e${i}" source="${x(edge.from)}" target="${x(edge.to)}" label="${x(edge.type)}" weight="${edge.weight}">` +
        `<attvalues><attvalue for="type" value="${x(edge.type)}"/>` +
        `<attvalue for="sources" value="${x(edge.sources.join(' '))}"/></attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
