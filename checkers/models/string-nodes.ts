/** An interned string: equal strings of one `StringNodes` are the same node, with the same `id`. */
export interface StringNode {
  readonly id: number;
  /** The string; built by concatenation, so V8 keeps it as a rope until something reads it. */
  readonly text: string;
  readonly length: number;
  readonly h1: number;
  readonly h2: number;
}

/** A string's two polynomial hashes and the bases raised to its length, for extending a hash by it. */
interface Piece {
  h1: number;
  h2: number;
  p1: number;
  p2: number;
}

const B1 = 0x01000193;
const B2 = 0x5bd1e995;

/**
 * Strings built by `put` (a given string) and `append` (a node plus a string), interned as
 * integer ids without hashing or copying the whole string: a node's hashes are extended from its
 * parent's in time proportional to the appended piece, and a full comparison happens only when
 * two nodes' hashes and lengths agree. Equal strings get the same node however they were built,
 * so ids tell states apart exactly as the strings would.
 */
export class StringNodes {
  private readonly nodes: StringNode[] = [];
  /** h1 -> ids with that hash (a chain, usually of one). */
  private readonly byHash = new Map<number, number | number[]>();
  private readonly pieces = new Map<string, Piece>();
  /**
   * Nodes by their whole text, for strings met whole: given to `put`, or matched by `equals`. A
   * string has one node, so a get of a known string is an identity test, not a comparison.
   */
  private readonly byText = new Map<string, StringNode>();
  /**
   * By node id, the nodes `append` made from it, by appended string: a search repeats the same
   * appends many times, and a hit must not compare the (long) strings again.
   */
  private readonly children: (Map<string, StringNode> | undefined)[] = [];

  /** The node of `s`. */
  put(s: string): StringNode {
    let node = this.byText.get(s);
    if (node === undefined) {
      const p = this.piece(s);
      node = this.intern(s, s.length, p.h1, p.h2);
      this.byText.set(s, node);
    }
    return node;
  }

  /** The node of `node.text + s`. */
  append(node: StringNode, s: string): StringNode {
    if (s.length === 0) return node;
    let made = this.children[node.id];
    const known = made?.get(s);
    if (known !== undefined) return known;
    const p = this.piece(s);
    const h1 = (Math.imul(node.h1, p.p1) + p.h1) | 0;
    const h2 = (Math.imul(node.h2, p.p2) + p.h2) | 0;
    const child = this.intern(node.text + s, node.length + s.length, h1, h2);
    if (made === undefined) this.children[node.id] = made = new Map();
    made.set(s, child);
    return child;
  }

  /**
   * Whether `node` holds exactly `s`: lengths, then the node of `s` if it is known, then hashes, so
   * the strings themselves are compared once per matching string, not once per step.
   */
  equals(node: StringNode, s: string): boolean {
    if (node.length !== s.length) return false;
    const known = this.byText.get(s);
    if (known !== undefined) return known === node;
    const p = this.piece(s);
    if (node.h1 !== p.h1 || node.h2 !== p.h2 || node.text !== s) return false;
    this.byText.set(s, node);
    return true;
  }

  private piece(s: string): Piece {
    let p = this.pieces.get(s);
    if (p !== undefined) return p;
    let h1 = 0;
    let h2 = 0;
    let p1 = 1;
    let p2 = 1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = (Math.imul(h1, B1) + c) | 0;
      h2 = (Math.imul(h2, B2) + c) | 0;
      p1 = Math.imul(p1, B1);
      p2 = Math.imul(p2, B2);
    }
    p = { h1, h2, p1, p2 };
    this.pieces.set(s, p);
    return p;
  }

  private intern(text: string, length: number, h1: number, h2: number): StringNode {
    const chain = this.byHash.get(h1);
    const ids = chain === undefined ? [] : typeof chain === 'number' ? [chain] : chain;
    for (const id of ids) {
      const n = this.nodes[id]!;
      if (n.length === length && n.h2 === h2 && n.text === text) return n;
    }
    const node: StringNode = { id: this.nodes.length, text, length, h1, h2 };
    this.nodes.push(node);
    if (chain === undefined) this.byHash.set(h1, node.id);
    else if (typeof chain === 'number') this.byHash.set(h1, [chain, node.id]);
    else chain.push(node.id);
    return node;
  }
}
