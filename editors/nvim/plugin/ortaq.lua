-- :[range]Ortaq {to} [--from ID|auto] [KEY=VALUE...]   convert lines or the visual selection
-- (require('ortaq') is the Lua API; see editors/nvim/README.md).
if vim.g.loaded_ortaq then
  return
end
vim.g.loaded_ortaq = true

vim.api.nvim_create_user_command('Ortaq', function(cmd)
  require('ortaq').command(cmd)
end, { nargs = '+', range = '%', desc = 'Convert to another alphabet with ortaq' })

-- :OrtaqType {to} [--from ID] [KEY=VALUE...]   typing mode in insert mode; :OrtaqType alone: off
vim.api.nvim_create_user_command('OrtaqType', function(cmd)
  require('ortaq.typing').command(cmd)
end, { nargs = '*', desc = 'Type in another alphabet with ortaq' })
