-- Neovim's built-in LSP client (0.7+) against `msmigrate lsp`, driven by tests/e2e/lsp_neovim.sh.
-- Environment: MSM_BIN (the binary), MSM_FILE (the Dockerfile to edit), MSM_OUT (report file).
-- Each step appends one line to the report; the buffer is written back to MSM_FILE at the end.
local report = {}
local function log(line) table.insert(report, line) end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.MSM_FILE))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'msmigrate',
    cmd = { vim.env.MSM_BIN, 'lsp' },
    root_dir = vim.fn.fnamemodify(vim.env.MSM_FILE, ':h'),
  })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, d.code or lsp.code or '?')
    end
    table.sort(list)
    return table.concat(list, ',')
  end
  local function wait_for(what, predicate)
    if not vim.wait(10000, predicate, 20) then error('timed out waiting for ' .. what .. ' (diagnostics: ' .. codes() .. ')') end
  end
  local function has(code) return (',' .. codes() .. ','):find(',' .. code .. ',', 1, true) ~= nil end
  local function line_of(pattern)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      if l:find(pattern) then return i - 1 end
    end
    error('no line matches ' .. pattern)
  end
  local function actions_at(line, only)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 1 } },
      -- What Neovim's own code_action() sends: the cursor line's diagnostics.
      context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, line), only = only },
    }
    local response = client.request_sync('textDocument/codeAction', params, 10000, buf)
    if not response or response.err then error('codeAction failed: ' .. vim.inspect(response)) end
    return response.result or {}
  end
  local function apply(action)
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end

  wait_for('diagnostics', function() return #vim.diagnostic.get(buf) > 0 end)
  log('diagnostics ' .. codes())

  -- The preferred (safe) fix of the EXPOSE finding.
  local chosen
  for _, a in ipairs(actions_at(line_of('^EXPOSE'))) do
    if a.isPreferred then chosen = a end
  end
  if not chosen then error('no preferred fix on the EXPOSE line') end
  log('fix ' .. chosen.title)
  apply(chosen)
  wait_for('MSM1023 to go', function() return not has('MSM1023') end)

  -- "Ignore this rule" on the stage name.
  for _, a in ipairs(actions_at(line_of('AS Build'))) do
    if a.title:find('^Ignore MSM1006') then chosen = a end
  end
  log('ignore ' .. chosen.title)
  apply(chosen)
  wait_for('MSM1006 to go', function() return not has('MSM1006') end)
  log('diagnostics ' .. codes())

  -- Formatting, when the server offers it.
  if client.resolved_capabilities.document_formatting then
    vim.lsp.buf.formatting_sync(nil, 10000)
    log('formatted')
  else
    log('no formatting')
  end

  -- Go to definition of `--from=Build`.
  local copy_line = line_of('^COPY')
  local def = client.request_sync('textDocument/definition', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = copy_line, character = 13 },
  }, 10000, buf)
  local loc = def and def.result
  log('definition ' .. (loc and (loc.range.start.line .. ':' .. loc.range.start.character) or 'none'))

  -- Hover on a keyword, and the document's outline.
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = copy_line, character = 1 },
  }, 10000, buf)
  local value = hover and hover.result and hover.result.contents.value or ''
  log('hover ' .. (value:match('^%*%*(%u+)%*%*') or 'none'))
  local symbols = client.request_sync('textDocument/documentSymbol', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
  }, 10000, buf)
  local names = {}
  for _, sym in ipairs(symbols and symbols.result or {}) do
    table.insert(names, sym.name .. '(' .. #(sym.children or {}) .. ')')
  end
  log('symbols ' .. table.concat(names, ' '))

  vim.cmd('write')
  client.stop()
end

local ok, err = pcall(run)
if not ok then log('error ' .. tostring(err)) end
vim.fn.writefile(report, vim.env.MSM_OUT)
vim.cmd('qall!')
