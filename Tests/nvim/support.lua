-- What the Neovim test scripts share: attaching notelint (through editors/nvim) to the note
-- named by NOTELINT_NVIM_NOTE, asking the server, and writing "ok" or the failure to the file
-- named by NOTELINT_NVIM_RESULT before quitting.
local M = {}

local function finish(message)
  local file = io.open(os.getenv("NOTELINT_NVIM_RESULT"), "w")
  file:write(message)
  file:close()
  vim.cmd("qall!")
end

-- Runs `body` and finishes with "ok", or with the error it raised.
function M.run(body)
  local ok, err = pcall(body)
  if ok then finish("ok") else finish(tostring(err)) end
end

-- Opens the note with notelint attached; returns its buffer once diagnostics have arrived.
function M.attach()
  vim.opt.runtimepath:append(os.getenv("NOTELINT_NVIM_PLUGIN"))
  require("notelint").setup({ cmd = { os.getenv("NOTELINT_BIN"), "lsp" } })
  vim.cmd("edit " .. os.getenv("NOTELINT_NVIM_NOTE"))
  vim.cmd("setfiletype markdown")
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), "no diagnostics arrived")
  return bufnr
end

-- The server's answer to `method` on the current buffer; raises on an error or no answer.
function M.request(method, params)
  local responses = vim.lsp.buf_request_sync(0, method, params, 5000)
  for _, response in pairs(responses or {}) do
    if response.error then error(method .. ": " .. vim.inspect(response.error)) end
    if response.result then return response.result end
  end
  error(method .. ": no answer")
end

return M
