import type { Network } from './network.js';
import { xmlEscape as x } from './xml.js';

/**
 * GraphML (graphml.graphdrawing.org): nodes with `label` (the caption, as Gephi shows it), `kind` (Person, Meeting...)
 * and sources; edges with type, sources and weight.
 */
export function toGraphml(network: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="nodeSources" for="node" attr.name="sources" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="edgeSources" for="edge" attr.name="sources" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="officials" edgedefault="directed">',
  ];
  for (const node of network.nodes) {
    lines.push(
      `    <node id="${x(node.id)}"><data key="label">${x(node.caption)}</data><data key="kind">${x(node.label)}</data>` +
        `<data key="nodeSources">${x(node.sources.join(' '))}</data></node>`,
    );
  }
  network.edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="e${i}" source="${x(edge.from)}" target="${x(edge.to)}"><data key="type">${x(edge.type)}</data>` +
        `<data key="edgeSources">${x(edge.sources.join(' '))}</data><data key="weight">${edge.weight}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
