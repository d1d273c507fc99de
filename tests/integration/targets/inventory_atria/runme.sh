#!/usr/bin/env bash
# The atria inventory plugin against the simulator: ansible-inventory --graph / --list, the groups and host
# variables they show, and a playbook that targets a status group and reads each customer with an _info module.
set -eux

# ansible-test gives runme.sh targets no variables: read the file scripts/run-integration writes.
vars_file=$(cd ../.. && pwd)/integration_config.yml
work=${OUTPUT_DIR:?OUTPUT_DIR is set by ansible-test}
config=$work/test_atria.yml
export ANSIBLE_ROLES_PATH=..
# ansible-test wants the interpreter from its inventory; the customer hosts and localhost use the same one.
ANSIBLE_PYTHON_INTERPRETER=$(ansible-inventory -i "$INVENTORY_PATH" --host testhost \
    | python -c 'import json, sys; print(json.load(sys.stdin)["ansible_python_interpreter"])')
export ANSIBLE_PYTHON_INTERPRETER

ansible-playbook setup.yml -i localhost, -e "@$vars_file" -e "inventory_config=$config" "$@"

# From here on only this plugin may read the configuration, and a source it cannot parse fails the command.
export ANSIBLE_INVENTORY_ENABLED=atria.cortex.atria ANSIBLE_INVENTORY_UNPARSED_FAILED=true

ansible-inventory -i "$config" --graph | tee "$work/graph.txt"
ansible-inventory -i "$config" --list > "$work/list.json"
python plain_json.py "$work/list.json" > "$work/plain_list.json"

ansible-playbook assert_inventory.yml -i "$config" -e "@$vars_file" -e "inventory_output=$work" "$@"
ansible-playbook per_customer.yml -i "$config" -e "@$vars_file" "$@"
