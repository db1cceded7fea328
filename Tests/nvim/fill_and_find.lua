-- Run by Tests/nvim/run.sh with the fake arXiv server: Neovim headless picks "Fill from arXiv"
-- on the first entry of Tests/editors/arxiv-note.md, then "Find on arXiv" on the second, whose
-- title has no exact match: Neovim's own prompt offers the candidates (the user's choice is
-- simulated by answering `inputlist`), and the server's workspace/applyEdit links the one
-- chosen. Writes "ok" or the failure to the file named by NOTELINT_NVIM_RESULT, then quits.
local support = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "support.lua")

-- The code action the user picks from Neovim's menu, by title.
local function pick(title)
  vim.ui.select = function(items, opts, on_choice)
    local offered = {}
    for _, item in ipairs(items) do
      local shown = opts.format_item(item)
      if shown == title then return on_choice(item) end
      table.insert(offered, shown)
    end
    error("no action `" .. title .. "` among: " .. table.concat(offered, " | "))
  end
  vim.lsp.buf.code_action()
end

local function line(number)
  return vim.api.nvim_buf_get_lines(0, number - 1, number, false)[1]
end

local function wait_for_line(number, expected)
  assert(vim.wait(20000, function() return line(number) == expected end, 50),
    string.format("line %d: %q, expected %q", number, tostring(line(number)), expected))
end

support.run(function()
  support.attach()

  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  pick("Fill from arXiv (2104.09864)")
  wait_for_line(1, "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding")
  assert(line(3) == "Date: 20 Apr 2021", "date: " .. line(3))
  assert(line(4) == "Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)",
    "subjects: " .. line(4))

  local asked
  vim.fn.inputlist = function(choices)
    asked = choices
    return 2
  end
  vim.api.nvim_win_set_cursor(0, { 8, 0 })
  pick("Find on arXiv")
  wait_for_line(9, "Link: https://arxiv.org/abs/1604.01356")
  assert(asked and asked[1] == "Find on arXiv: no paper is titled exactly “Interstellar”. Link one of these?",
    "the question: " .. vim.inspect(asked))
  assert(asked[3] == "1. Link to 1502.03808: Gravitational Lensing by Spinning Black Holes in Astrophysics, and in the Movie Interstellar"
    and asked[4] == "2. Link to 1604.01356: A Roadmap to Interstellar Flight", "the choices: " .. vim.inspect(asked))
  assert(line(10) == "Date: 5 Apr 2016", "date: " .. tostring(line(10)))
end)
