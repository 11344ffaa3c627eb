def solve_sudoku(board):
    rows = [set() for _ in range(9)]
    cols = [set() for _ in range(9)]
    boxes = [set() for _ in range(9)]
    empty = []
    for r in range(9):
        for c in range(9):
            v = board[r][c]
            if v == ".":
                empty.append((r, c))
            else:
                rows[r].add(v)
                cols[c].add(v)
                boxes[r // 3 * 3 + c // 3].add(v)
    digits = set("123456789")

    def solve():
        if not empty:
            return True
        # Fill the empty cell with the fewest candidates first.
        best = min(range(len(empty)), key=lambda i: len(options(*empty[i])))
        empty[best], empty[-1] = empty[-1], empty[best]
        r, c = empty.pop()
        b = r // 3 * 3 + c // 3
        for v in options(r, c):
            board[r][c] = v
            rows[r].add(v)
            cols[c].add(v)
            boxes[b].add(v)
            if solve():
                return True
            rows[r].remove(v)
            cols[c].remove(v)
            boxes[b].remove(v)
        board[r][c] = "."
        empty.append((r, c))
        return False

    def options(r, c):
        return digits - rows[r] - cols[c] - boxes[r // 3 * 3 + c // 3]

    solve()
