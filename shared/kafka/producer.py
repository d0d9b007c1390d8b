"""The idempotent producer every service uses: the outbox relay publishes through it and the
consumer runner sends dead letters with it."""

import asyncio

from aiokafka import AIOKafkaProducer

from shared.settings import ServiceSettings


def create_producer(settings: ServiceSettings) -> AIOKafkaProducer:
    # Idempotence implies acks=all and dedupes the producer's own retries broker-side.
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"reviewloop-{settings.service_name}",
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        request_timeout_ms=15_000,
        **settings.kafka_security.client_options(),
    )


async def kafka_reachable(producer: AIOKafkaProducer, wait_s: float = 2.0) -> bool:
    """Readiness: a metadata round trip to the brokers."""
    try:
        await asyncio.wait_for(producer.client.fetch_all_metadata(), wait_s)
    except Exception:
        return False
    return True
