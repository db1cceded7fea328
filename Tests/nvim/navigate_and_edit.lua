-- Run by Tests/nvim/run.sh: Neovim headless opens a copy of Tests/editors/reading-list.md
-- through editors/nvim, then reads the outline, jumps from a footnote reference to its
-- definition, renames the label, completes a category and formats the note, checking each
-- step. Writes "ok" or the failure to the file named by NOTELINT_NVIM_RESULT, then quits.
local support = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "support.lua")
local request = support.request

local function line(number)
  return vim.api.nvim_buf_get_lines(0, number - 1, number, false)[1]
end

local function expect(what, actual, expected)
  assert(actual == expected, string.format("%s: expected %q, got %q", what, tostring(expected), tostring(actual)))
end

-- Puts the cursor on the first character of `text` after its first, on line `number`.
local function cursor_in(number, text)
  local column = line(number):find(text, 1, true)
  assert(column, string.format("`%s` is not on line %d", text, number))
  vim.api.nvim_win_set_cursor(0, { number, column })
end

support.run(function()
  local bufnr = support.attach()

  -- The outline: front matter, then the headings, the entries under them.
  local symbols = request("textDocument/documentSymbol", { textDocument = vim.lsp.util.make_text_document_params() })
  local outline = {}
  local function walk(list, depth)
    for _, symbol in ipairs(list) do
      table.insert(outline, string.rep("  ", depth) .. symbol.name)
      walk(symbol.children or {}, depth + 1)
    end
  end
  walk(symbols, 0)
  expect("outline", table.concat(outline, "\n"), table.concat({
    "front matter", "Transformers", "  RoFormer: Enhanced Transformer with Rotary Position Embedding",
    "  Attention", "    Attention Is All You Need" }, "\n"))

  -- Go to the footnote's definition.
  cursor_in(12, "rope]")
  local locations = request("textDocument/definition", vim.lsp.util.make_position_params())
  vim.lsp.util.jump_to_location(locations[1], "utf-16")
  expect("definition line", vim.api.nvim_win_get_cursor(0)[1], 21)

  -- Rename the label from its reference.
  cursor_in(12, "rope]")
  local params = vim.lsp.util.make_position_params()
  params.newName = "rotary"
  vim.lsp.util.apply_workspace_edit(request("textDocument/rename", params), "utf-16")
  expect("renamed reference", line(12), "Rotary embeddings[^rotary] rotate queries and keys.")
  expect("renamed definition", line(21), "[^rotary]: See section 3.4 of the paper.")

  -- Complete a category after `cs.C` and apply the chosen item's edit.
  vim.api.nvim_buf_set_lines(0, 9, 10, false, { "Subjects: cs.C" })
  vim.api.nvim_win_set_cursor(0, { 10, #"Subjects: cs.C" })
  local completion = request("textDocument/completion", vim.lsp.util.make_position_params())
  local chosen
  for _, item in ipairs(completion.items or completion) do
    if item.label == "Computation and Language (cs.CL)" then chosen = item end
  end
  assert(chosen, "no `Computation and Language (cs.CL)` among the completions")
  vim.lsp.util.apply_text_edits({ chosen.textEdit }, bufnr, "utf-16")
  expect("completed", line(10), "Subjects: Computation and Language (cs.CL)")

  -- Format: the date's safe fix, nothing else.
  vim.lsp.buf.formatting_sync(nil, 5000)
  expect("formatted date", line(9), "Date: 20 Apr 2021")
  expect("untouched title", line(7), "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding")
end)
