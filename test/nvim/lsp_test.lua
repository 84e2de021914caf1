-- Drives pharmalens-ls from Neovim's own LSP client (0.7+): hover on a name, then a quick fix for a misquote.
-- Usage: LSP_SERVER=dist/server.js LSP_FILE=paper.md HOVER_WORD=hERG EXPECT_HOVER=KCNH2 MISQUOTE='3.45 µM' EXPECT_ACTION='Change the unit to nM'
--        nvim --headless -u NONE -c 'luafile test/nvim/lsp_test.lua'
-- Prints PASS/FAIL lines; exits 0 when every check passed.
local function env(name)
  local value = os.getenv(name)
  if not value then io.stdout:write('FAIL: ' .. name .. ' not set\n'); vim.cmd('cquit! 2') end
  return value
end
local server, file = env('LSP_SERVER'), env('LSP_FILE')
local hover_word, expect_hover = env('HOVER_WORD'), env('EXPECT_HOVER')
local misquote, expect_action = env('MISQUOTE'), env('EXPECT_ACTION')

local function out(message) io.stdout:write(message .. '\n') end
local function finish(code) vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code)) end

local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return default_handler(err, result, ctx, config)
end

local client_id = vim.lsp.start_client({ name = 'pharmalens', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':p:h') })
if not client_id then out('FAIL: start_client returned nil'); finish(1) end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
if not vim.wait(15000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 50) then out('FAIL: server did not initialize'); finish(1) end

--- 0-based line and character of the first plain occurrence of `needle` (byte column; ASCII before it in the fixtures).
local function position_of(needle)
  for line, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = text:find(needle, 1, true)
    if column then return { line = line - 1, character = column - 1 } end
  end
  out('FAIL: "' .. needle .. '" not in the file'); finish(1)
end

local uri = vim.uri_from_bufnr(bufnr)
local at = position_of(hover_word)
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = at.line, character = at.character + 1 } }, 10000) or {}
local hover_text = ''
for _, response in pairs(hover) do
  if response.result and response.result.contents then hover_text = hover_text .. (response.result.contents.value or '') end
end
if hover_text:find(expect_hover, 1, true) then out('PASS: hover on ' .. hover_word) else out('FAIL: hover on ' .. hover_word .. ': ' .. hover_text); finish(1) end

if not vim.wait(10000, function() return published[uri] ~= nil and #published[uri] > 0 end, 50) then out('FAIL: no diagnostics published'); finish(1) end
local diagnostics = published[uri]
local value = position_of(misquote)
local range = { start = value, ['end'] = { line = value.line, character = value.character + #misquote } }
local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = diagnostics } }, 10000) or {}
local titles = {}
for _, response in pairs(actions) do
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.title == expect_action and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    end
  end
end
local applied = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
if vim.tbl_contains(titles, expect_action) and not applied:find(misquote, 1, true) then
  out('PASS: code action "' .. expect_action .. '" applied')
else
  out('FAIL: code actions ' .. vim.inspect(titles) .. '; text now: ' .. applied); finish(1)
end
vim.lsp.stop_client(client_id)
finish(0)
