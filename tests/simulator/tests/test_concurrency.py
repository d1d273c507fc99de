"""Concurrent clients: one lock per API call means no lost updates and no duplicate ids."""

import threading

import requests

from .simhelp import E, parse, req

THREADS = 8
PER_THREAD = 25


def test_eight_clients_creating_25_users_each_lose_nothing(sim):
    sim.call(req("SET", E.customer(E.fullname("Busy Customer"), E.contactname("A"), E.contactemail("a@busy.local"),
                                   E.primarydomain("busy.local"))))
    errors = []
    request_ids = []
    lock = threading.Lock()

    def worker(number):
        session = requests.Session()
        for index in range(PER_THREAD):
            body = req("SET", E.customer(E.name("BC"), E.user(E.name("t%d_u%d" % (number, index)))))
            answer = session.post(sim.url, data=body, auth=("admin_Gsp", "Adm1n!Gsp"), timeout=60)
            root = parse(answer.content)
            with lock:
                if answer.status_code != 200:
                    errors.append(answer.content)
                else:
                    request_ids.append(root.findtext("request/id"))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    _status, root = sim.call(req("FIND", E.customer(E.name("BC"), E.user())))
    users = root.findall("customer/user")
    names = [u.findtext("name") for u in users]
    ids = [u.findtext("id") for u in users]
    assert len(users) == THREADS * PER_THREAD
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    assert len(set(request_ids)) == THREADS * PER_THREAD
    admins = [u for u in sim.state()["users"] if u["customer_id"] == int(root.findtext("customer/id"))
              and "Customer Administrator" in u["roles"]]
    assert len(admins) == 1        # exactly one "first" user, even under contention
