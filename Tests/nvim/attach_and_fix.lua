-- Run by Tests/nvim/run.sh: Neovim headless attaches notelint to a copy of the example note
-- through editors/nvim, checks the diagnostics it received, and applies a code action.
-- Writes "ok" or the failure to the file named by NOTELINT_NVIM_RESULT, then quits.
local support = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "support.lua")

support.run(function()
  local bufnr = support.attach()

  local function findings()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(list, string.format("%d %s", d.lnum + 1, d.code or (d.user_data and d.user_data.lsp.code)))
    end
    table.sort(list)
    return table.concat(list, ", ")
  end

  local expected = table.concat({
    "104 date-arxiv-mismatch", "123 entry-blank", "13 date-format", "130 entry-blank", "14 field-whitespace",
    "3 field-whitespace", "3 front-matter-placeholder", "5 front-matter-placeholder", "77 field-whitespace",
    "84 field-whitespace", "91 field-whitespace",
  }, ", ")
  assert(findings() == expected, "diagnostics: " .. findings())

  -- Ask for the code actions on line 13 (`Date: 20 Apr. 2021`) and apply the date fix.
  vim.api.nvim_win_set_cursor(0, { 13, 6 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local chosen
  for _, action in ipairs(support.request("textDocument/codeAction", params)) do
    if action.title == "Write `20 Apr 2021`" then chosen = action end
  end
  assert(chosen, "no `Write 20 Apr 2021` action among the code actions")
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  local line = vim.api.nvim_buf_get_lines(bufnr, 12, 13, false)[1]
  assert(line == "Date: 20 Apr 2021", "line 13 after the fix: " .. line)
  assert(vim.wait(10000, function() return not findings():find("13 date%-format") end, 50),
    "the date-format finding stayed after the fix: " .. findings())
end)
