-- notelint for Neovim 0.7 to 0.11: starts `notelint lsp` for Markdown buffers.
--
--   require("notelint").setup()                          -- defaults
--   require("notelint").setup({ cmd = { "/path/to/notelint", "lsp" },
--                               filetypes = { "markdown" },
--                               init_options = { docsUrl = "https://..." } })
local M = {}

local defaults = {
  cmd = { "notelint", "lsp" },
  filetypes = { "markdown" },
  init_options = {},
  -- The folder holding one of these, above the file, is the project root (its notes are
  -- checked in the background); without one, the file's own folder.
  root_markers = { ".notelint.yml", ".git" },
}

local function root_dir(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  while dir and dir ~= "" do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then break end
    dir = parent
  end
  return vim.fn.fnamemodify(path, ":p:h")
end

local clients = {}

function M.setup(opts)
  opts = vim.tbl_deep_extend("force", defaults, opts or {})
  local group = vim.api.nvim_create_augroup("notelint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      local bufnr = args.buf
      local root = root_dir(vim.api.nvim_buf_get_name(bufnr), opts.root_markers)
      local config = {
        name = "notelint",
        cmd = opts.cmd,
        root_dir = root,
        init_options = opts.init_options,
      }
      if vim.lsp.start then
        -- Neovim 0.8 and later reuse a running client with the same name and root.
        vim.lsp.start(config, { bufnr = bufnr })
      else
        -- Neovim 0.7: one client per root, attached to each buffer.
        local id = clients[root]
        if not id or not vim.lsp.get_client_by_id(id) then
          id = vim.lsp.start_client(config)
          clients[root] = id
        end
        if id then vim.lsp.buf_attach_client(bufnr, id) end
      end
    end,
  })
end

return M
