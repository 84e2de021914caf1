-- Run after the README's Neovim configuration (loaded as init.lua) opened LSP_FILE: checks that the configured client
-- attached and published diagnostics, and that `pharmalens/checkFiles` called as the README says answers.
-- Prints PASS/FAIL lines; exits 0 when every check passed.
local function out(message) io.stdout:write(message .. '\n') end
local function finish(code) vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code)) end

local bufnr = vim.api.nvim_get_current_buf()
local function attached()
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'pharmalens' and client.initialized then return true end
  end
  return false
end
if not vim.wait(15000, attached, 50) then out('FAIL: no pharmalens client attached to ' .. vim.api.nvim_buf_get_name(bufnr)); finish(1) end
out('PASS: the README configuration started and attached pharmalens-ls')

if not vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then out('FAIL: no diagnostics'); finish(1) end
out('PASS: diagnostics published (' .. #vim.diagnostic.get(bufnr) .. ')')

local answers = vim.lsp.buf_request_sync(0, 'pharmalens/checkFiles', {}, 15000) or {}
local checked = false
for _, response in pairs(answers) do
  if response.err then out('FAIL: pharmalens/checkFiles: ' .. vim.inspect(response.err)); finish(1) end
  if response.result and response.result.files and #response.result.files > 0 then checked = true end
end
if checked then out('PASS: pharmalens/checkFiles with {} answered') else out('FAIL: pharmalens/checkFiles answered ' .. vim.inspect(answers)); finish(1) end
finish(0)
