function cloneGraph(node: Node | null): Node | null {
  if (!node) return null;
  const copies = new Map<Node, Node>([[node, new Node(node.val)]]);
  const queue: Node[] = [node];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    for (const neighbor of current.neighbors) {
      let copy = copies.get(neighbor);
      if (!copy) {
        copy = new Node(neighbor.val);
        copies.set(neighbor, copy);
        queue.push(neighbor);
      }
      copies.get(current)!.neighbors.push(copy);
    }
  }
  return copies.get(node)!;
}
